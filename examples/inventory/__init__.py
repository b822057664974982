"""Inventory service: stock levels, pricing and reports."""

from .models import Item, Perishable
from .store import Store

__all__ = ["Item", "Perishable", "Store"]

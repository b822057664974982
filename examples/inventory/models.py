"""Domain model of the inventory."""
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
import json


class Priced(ABC):
    @abstractmethod          # wrong order: abstractmethod must be innermost
    @property
    def price(self) -> float:
        ...

    @property
    def price_with_tax(self, rate):  # a property getter cannot take arguments
        return self.price * (1 + rate)


class Tracked:
    def touch(self):
        super().updated = True  # super() proxies cannot be assigned to


class Stocked(Tracked):
    pass


class Item(Tracked, Stocked):  # inconsistent MRO: Tracked is listed before its subclass
    pass


@dataclass
class Perishable:
    name: str
    shelf_days: int = 7
    sku: str  # a field without a default after one with a default
    tags: list = field(default_factory=list)

    def is_fresh(self, age_days):
        self.shelf_days > age_days  # compares and throws the result away
        return age_days < self.shelf_days


def load(path):
    with open(path) as f:
        return json.load(f)

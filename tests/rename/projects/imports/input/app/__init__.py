from .core import helper

__all__ = ["helper"]

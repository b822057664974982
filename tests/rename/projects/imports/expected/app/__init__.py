from .core import assist

__all__ = ["assist"]

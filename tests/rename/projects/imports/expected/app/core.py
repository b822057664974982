__all__ = ["assist", "VERSION"]

VERSION = 1


def assist(x):
    return x + VERSION

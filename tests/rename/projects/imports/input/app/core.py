__all__ = ["helper", "VERSION"]

VERSION = 1


def helper(x):
    return x + VERSION

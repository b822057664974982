"""Shapes with a syntax error and a stale suppression."""
import math


def area(radius)
    return math.pi * radius ** 2


def perimeter(radius):  # typhon: ignore[syntax-error]
    return 2 * math.pi * radius  # noqa: E501

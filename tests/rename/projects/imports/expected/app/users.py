from app.core import assist
from app.core import assist as h
from . import core
from .core import VERSION


def use():
    return assist(1) + h(2) + core.assist(3) + VERSION

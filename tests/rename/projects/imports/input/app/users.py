from app.core import helper
from app.core import helper as h
from . import core
from .core import VERSION


def use():
    return helper(1) + h(2) + core.helper(3) + VERSION

from ..core import helper as hh
from .. import core
from ...outside import helper


def deep():
    return hh(1) + core.helper(2) + helper(3)

from ..core import assist as hh
from .. import core
from ...outside import helper


def deep():
    return hh(1) + core.assist(2) + helper(3)

import app.core
import app.core as c
from app import core as alias
from app.core import helper as helper_alias


def main():
    def helper(y):
        return y
    return app.core.helper(1) + c.helper(2) + alias.helper(3) + helper(4) + helper_alias(5)

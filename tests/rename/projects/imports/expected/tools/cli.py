import app.core
import app.core as c
from app import core as alias
from app.core import assist as helper_alias


def main():
    def helper(y):
        return y
    return app.core.assist(1) + c.assist(2) + alias.assist(3) + helper(4) + helper_alias(5)

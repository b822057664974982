# rename: input#2 ask
# refuse: `input` shadows a builtin only when this runs
import sys

if sys.version_info < (3,):
    input = raw_input  # noqa: F821


def prompt():
    return input("> ")

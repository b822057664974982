# rename: mode#1 style
# refuse: this read in a class body may see the class's `mode` or the outer one
import os

mode = "default"


class Settings:
    if os.environ.get("FAST"):
        mode = "fast"
    current = mode

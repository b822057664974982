# rename: os#1 system
# refuse: renaming a module is not supported
import os

print(os.sep)

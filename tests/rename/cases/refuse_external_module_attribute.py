# rename: sep#1 separator
# refuse: `os` is imported from outside the project
import os

print(os.sep)

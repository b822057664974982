# rename: join#1 combine
# refuse: may come from a star import or a dynamic namespace
from os.path import *

print(join("a", "b"))

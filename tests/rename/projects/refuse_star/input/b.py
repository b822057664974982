from a import *

print(compute(1))

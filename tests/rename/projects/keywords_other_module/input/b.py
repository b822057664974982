import a
from a import scale

print(scale(size=3), a.scale(size=4))

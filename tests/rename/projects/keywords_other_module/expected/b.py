import a
from a import scale

print(scale(width=3), a.scale(width=4))

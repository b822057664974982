import a
from a import scale

print(scale(size=3), a.scale(size=4))


class Holder:
    def scale(self, size):
        return size


print(Holder().scale(size=5))

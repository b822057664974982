# rename: size#1 width
def scale(size, factor=2):
    return size * factor


def apply(size):
    return scale(size=size) + scale(3, factor=1) + scale(size, 4)


print(scale(size=1), apply(size=5))

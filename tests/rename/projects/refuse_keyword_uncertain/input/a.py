def scale(size):
    return size * 2


print(scale(size=1))

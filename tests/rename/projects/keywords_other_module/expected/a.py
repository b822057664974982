def scale(width):
    return width * 2


print(scale(width=1))

# rename: x#1 g
x = 1


class C:
    y = x
    x = 2


print(C.y, C.x, x)

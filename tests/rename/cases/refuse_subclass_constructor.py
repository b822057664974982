# rename: size#1 width
# refuse: passes `size=` to a class that may run this `__init__`
class Panel:
    def __init__(self, size):
        self.size = size


class Wide(Panel):
    pass


print(Wide(size=3).size)

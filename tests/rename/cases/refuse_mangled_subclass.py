# rename: value#1 __value
# refuse: `__name` members are mangled per class
class Base:
    def __init__(self):
        self.value = 1


class Child(Base):
    def show(self):
        return self.value

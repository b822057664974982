# rename: speed#1 velocity
# refuse: getattr() names `speed` in a string
class Car:
    def __init__(self):
        self.speed = 0

    def report(self):
        return getattr(self, "speed")

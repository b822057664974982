# rename: x#1 y
# refuse: `y` is already an attribute used on class `Point`
class Point:
    def __init__(self):
        self.x = 0
        self.y = 0

from .base import Shape
from . import base


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def surface(self):
        return self.side ** 2


class Tile(base.Shape):
    def double(self):
        return 2 * self.surface()

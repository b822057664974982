# rename: celsius#1 degrees
class Temp:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        self._c = value

    def warm(self):
        self.celsius += 1
        return self.celsius


t = Temp()

# rename: size#1 width
class Panel:
    def __init__(self, size, title=""):
        self.size = size
        self.title = title


def make(size):
    return Panel(size=size, title="x")


print(make(size=2).size, Panel(3).size, Panel(size=4).title)

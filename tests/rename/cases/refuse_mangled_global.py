# rename: helper#1 __helper
# refuse: a `__name` is mangled
def helper():
    return 1


class Box:
    def get(self):
        return helper()

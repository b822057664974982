# rename: x#3 value
def make():
    x = 1

    def set_it():
        nonlocal x
        x = 2

    def get_it():
        return x

    x = 0
    return set_it, get_it


x = "module x stays"

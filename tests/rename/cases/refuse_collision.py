# rename: first#1 second
# refuse: `second` is already bound in function `f`
def f():
    first = 1
    second = 2
    return first + second

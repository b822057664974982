# rename: counter#1 hits
counter = 0


def bump():
    global counter
    counter += 1
    return counter


def peek():
    def inner():
        return counter
    return inner() + len([counter for _ in range(2)])

import a


def go():
    compute = a.calculate
    return compute(1)

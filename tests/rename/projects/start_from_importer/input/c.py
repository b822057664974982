import a


def go():
    compute = a.compute
    return compute(1)

from a import calculate


def run():
    return calculate(3)

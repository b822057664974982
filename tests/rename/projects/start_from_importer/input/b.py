from a import compute


def run():
    return compute(3)

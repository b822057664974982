def calculate(n):
    return n * 2

from a import compute

print(compute(1)

from a import compute

total = compute(1)

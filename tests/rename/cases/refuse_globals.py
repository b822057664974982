# rename: setting#1 option
# refuse: reads or writes its namespace dynamically
setting = 1
globals()["other"] = 2
print(setting)

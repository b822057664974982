# rename: data#1 payload
# refuse: reads or writes its namespace dynamically
def run(code):
    data = 1
    exec(code)
    return locals()["data"]

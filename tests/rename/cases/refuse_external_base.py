# rename: message#1 text
# refuse: derives from `Exception`, which is not a class of the project
class Failure(Exception):
    def message(self):
        return str(self)

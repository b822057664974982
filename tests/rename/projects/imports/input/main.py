import app
from app import helper


print(app.helper(1), helper(2))

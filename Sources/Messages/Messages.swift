// Messages: how user input is echoed in messages (`Echo`) and where a file stops being UTF-8
// (`InvalidUTF8`). No dependencies, so every module that reports bad input can use it.

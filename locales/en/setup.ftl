# Start-up: messages on the operator's screen.

setup-playground-port-taken =
    Could not open the local playground: port { $port } on this machine is in use by another program (perhaps another Gương Sáng still running).
    Stop that program, or choose another port, for example: PLAYGROUND_PORT={ $suggested } npm start (or set PLAYGROUND_PORT in the .env file).

setup-database-busy =
    Could not update the structure of the database { $database }: another program holds the file for writing (waited a few seconds, it was not released).
    Gương Sáng may already be running in another window on the same data folder, or a tool (sqlite3, DB Browser, a test run) still has the file open.
    Stop that program and run again: npm start

setup-zalo-off =
    The Zalo channel is off because its login failed (the reason is above); the bot goes on running on Telegram and has told the admins.
    To turn it back on: run npm run zalo:login, then restart the bot.

# Start-up: messages on the operator's screen.

setup-playground-port-taken =
    Could not open the local playground: port { $port } on this machine is in use by another program (perhaps another Gương Sáng still running).
    Stop that program, or choose another port, for example: PLAYGROUND_PORT={ $suggested } npm start (or set PLAYGROUND_PORT in the .env file).

/** Entry point: defines the application element; pages load on demand. */
import './components/app-shell/app-shell.ts'

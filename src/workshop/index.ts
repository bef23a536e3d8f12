// The classroom: the workshop line protocol, the host's room and the learner's client.
export * from './protocol.ts';
export * from './experiments.ts';
export * from './events.ts';
export {newRoomCode} from './code.ts';
export {DEFAULT_MAX_LEARNERS, MAX_PER_ADDRESS} from './limits.ts';
export {pollCatalog, experimentPolls, lessonPolls, type Poll} from './polls.ts';
export {Room, type RoomConfig, type RoomEffect, type RoomInput, type Speaker, type SayKey, type Learner, type Connection} from './room.ts';
export {WorkshopHost, HostStartError, joinLines, LISTENER, UDP_SOCKET, type HostOptions, type InstructorInput} from './host.ts';
export {LearnerClient, CONNECT_TIMEOUT_MS, type ClientOptions} from './client.ts';
export {learnerReducer, initialLearnerState, type LearnerState, type ExperimentView, type PollView, type WallCopy} from './learner.ts';
export {diagnoseConnect, diagnoseBye, type Diagnosis, type DiagnosisKind} from './doctor.ts';
export {chooseAddress, listAddresses, readRouteTable, defaultRouteInterfaces, type AddressChoice} from './address.ts';
export {Simulation, simulatedAddress, simulatedNick} from './simulate.ts';
export {Recorder, type SessionRecord} from './record.ts';
export {maskAddress} from './privacy.ts';
